import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { App } from './app/App';
import { LiveConnection } from './app/live-connection';
import { connectSocketIo } from './app/socket';
import { setupStore } from './app/store';
import { loadStoredAuth } from './features/auth/auth-storage';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const store = setupStore({ auth: loadStoredAuth() }, { live: new LiveConnection(connectSocketIo) });

createRoot(container).render(
  <StrictMode>
    <Provider store={store}>
      <App />
    </Provider>
  </StrictMode>,
);
