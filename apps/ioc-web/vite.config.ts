// The dashboard's build: one page, ECharts imported piece by piece, and the province maps made from
// ../shared/data/vn-admin as geo/<tree>/<province>.json (emitted at build, answered by the dev server).
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { provinceMaps, type ProvinceMap } from './build/geo.ts';

function provinceGeo(): Plugin {
  let maps: Map<string, ProvinceMap> | undefined;
  const all = () => (maps ??= provinceMaps());
  return {
    name: 'nhip-province-geo',
    generateBundle() {
      for (const [key, map] of all()) {
        this.emitFile({ type: 'asset', fileName: `geo/${key}.json`, source: JSON.stringify(map) });
      }
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const key = /^\/geo\/(vn-\d{4}\/\d{2})\.json$/.exec(request.url ?? '')?.[1];
        const map = key === undefined ? undefined : all().get(key);
        if (!map) return next();
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(map));
      });
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [provinceGeo()],
  // Workspace libraries from their sources, as the services and the tests take them: the page
  // needs no library built first (it imports values only from @nhip/contracts/periods).
  resolve: { conditions: ['@nhip/source', ...defaultClientConditions] },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
});
