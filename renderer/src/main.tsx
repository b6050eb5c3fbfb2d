/**
 * Renderer entry: picks the transport, builds the store, renders the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/transport';
import { App } from './components/App';
import { StoreContext } from './state/store-context';
import { createWorkspaceStore } from './state/workspace-store';
import './styles/app.css';

const store = createWorkspaceStore(createApi());
void store.getState().init();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
