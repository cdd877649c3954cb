import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './vite-plugin-precompress.ts';
import { zhTwCatalogs } from './vite-plugin-zh-tw.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  plugins: [zhTwCatalogs(), react(), precompress()],
  server: { port: 5173, proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } } },
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // antd's own modules say they have no side effects (package.json `sideEffects: ["*.css"]`); the
      // @rc-component packages beneath it say nothing, so a barrel import of one name kept the whole
      // package: antd's form/context.js imports FormProvider from '@rc-component/form' and every
      // page, the login page too, carried the form engine and its validator (~35 KB of source).
      // Their modules only define components; none registers anything when imported.
      treeshake: {
        moduleSideEffects: [{ test: /[\\/]node_modules[\\/]@rc-component[\\/]/, sideEffects: false }],
      },
      output: {
        // React and ECharts in long-lived chunks of their own; antd is left to the splitter so that
        // components only lazy pages use (Table, DatePicker, QRCode…) load with those pages.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
});
