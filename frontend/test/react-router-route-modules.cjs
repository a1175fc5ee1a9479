// react-router's loader of route modules (framework mode only, which this app does not use)
// reads `import.meta`, which CommonJS cannot compile. The tests get this stand-in.
module.exports = {
  loadRouteModule: async () => {
    throw new Error('Route modules are not used by this app');
  },
};
