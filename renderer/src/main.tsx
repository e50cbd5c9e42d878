import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api.ts';
import { App } from './App.tsx';
import { DeskContext, createDesk } from './context.ts';
import './styles.css';

const { api, isDesktop } = createApi();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <DeskContext.Provider value={createDesk(api, isDesktop)}>
        <App />
      </DeskContext.Provider>
    </StrictMode>,
  );
}
