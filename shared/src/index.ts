export * from './enums.js';
export * from './contract.js';
export * from './events.js';
export * from './socket.js';
export * from './stage-rules.js';
export * from './intake.js';
export * from './imports.js';
export * from './search.js';
