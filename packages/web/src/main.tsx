// zod runs jitless in the browser (the CSP forbids eval): set before any chunk loads, by
// public/zod-jitless.js from index.html, so the bundler's chunk order cannot defeat it.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { loadLang } from './app/i18n/I18nProvider.tsx';
import { savedLang } from './app/i18n/lang.ts';
import './app/global.css';

// The saved language's texts first (zh-CN is in the bundle; the others are loaded on demand).
void loadLang(savedLang()).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
