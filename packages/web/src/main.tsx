// zod runs jitless in the browser (the CSP forbids eval): set before any chunk loads, by
// public/zod-jitless.js from index.html, so the bundler's chunk order cannot defeat it.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './app/global.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
