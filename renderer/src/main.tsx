/**
 * Renderer entry: picks the transport, builds the store, renders the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/transport';
import { App } from './components/App';
import { ApiContext, StoreContext } from './state/store-context';
import { createWorkspaceStore } from './state/workspace-store';
import { QueueStoreContext } from './state/queue-context';
import { createQueueStore } from './state/queue-store';
import './styles/app.css';

const api = createApi();
const store = createWorkspaceStore(api);
void store.getState().init();
// Jobs the queue finishes show in the library lists at once.
const queue = createQueueStore(api, { onJobsChanged: () => void store.getState().reloadJobs() });
queue.getState().init();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <StoreContext.Provider value={store}>
        <QueueStoreContext.Provider value={queue}>
          <App />
        </QueueStoreContext.Provider>
      </StoreContext.Provider>
    </ApiContext.Provider>
  </StrictMode>,
);
