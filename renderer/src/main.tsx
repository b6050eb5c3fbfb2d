/**
 * Renderer entry: picks the transport, builds the store, renders the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/transport';
import { App } from './components/App';
import { ApiContext, StoreContext } from './state/store-context';
import { createWorkspaceStore } from './state/workspace-store';
import './styles/app.css';

const api = createApi();
const store = createWorkspaceStore(api);
void store.getState().init();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>
    </ApiContext.Provider>
  </StrictMode>,
);
