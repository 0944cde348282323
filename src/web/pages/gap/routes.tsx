import { Route } from 'react-router-dom';
import { Guard } from '../../components/guard';
import { GapImportPage } from './GapImportPage';
import { GapReportPage } from './GapReportPage';
import { GapStartPage } from './GapStartPage';

// The gap analysis is statement work: members of a cloud service provider only (the server answers 404 for an
// import of another organization).
const guarded = (el: React.ReactNode) => <Guard page="cloudServices">{el}</Guard>;

/** `/services/import-soa` is where the empty workspace's "import an SoA" step has always linked. */
export const gapRoutes = [
  <Route key="gap-start" path="/services/import-soa" element={guarded(<GapStartPage />)} />,
  <Route key="gap-import" path="/gap-imports/:importId" element={guarded(<GapImportPage />)} />,
  <Route key="gap-report" path="/gap-imports/:importId/report" element={guarded(<GapReportPage />)} />,
];
