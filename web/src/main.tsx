import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './core/i18n.ts';
import './styles.css';
import { App } from './routes.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
