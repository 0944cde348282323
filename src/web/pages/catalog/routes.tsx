import { Route } from 'react-router-dom';
import { CatalogList } from './CatalogList';
import { CatalogTree } from './CatalogTree';
import { NodePage } from './NodePage';
import { SearchPage } from './SearchPage';
import { MappingPathsPage } from './MappingPathsPage';
import { DiffPage } from './DiffPage';
import { ImportTextPage } from './ImportTextPage';
import { Guard } from '../../components/guard';

export const catalogRoutes = [
  <Route key="catalogs" path="/catalogs" element={<CatalogList />} />,
  <Route
    key="import"
    path="/catalogs/import"
    element={
      <Guard page="importText">
        <ImportTextPage />
      </Guard>
    }
  />,
  <Route key="diff" path="/catalogs/:catalog/diff" element={<DiffPage />} />,
  <Route key="tree" path="/catalogs/:catalog/:edition" element={<CatalogTree />} />,
  <Route key="node" path="/catalogs/:catalog/:edition/nodes/:nodeId" element={<NodePage />} />,
  <Route key="search" path="/search" element={<SearchPage />} />,
  <Route key="mappings" path="/mappings" element={<MappingPathsPage />} />,
];
