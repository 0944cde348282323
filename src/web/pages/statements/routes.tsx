import { Route } from 'react-router-dom';
import { Guard } from '../../components/guard';
import { ServiceList } from './ServiceList';
import { ServicePage } from './ServicePage';
import { StatementPage } from './StatementPage';

// Only members of a cloud service provider work on services and statements; for anyone else the pages are not found
// (and the server answers 404 for a service or statement the caller may not read).
const guarded = (el: React.ReactNode) => <Guard page="cloudServices">{el}</Guard>;

export const statementRoutes = [
  <Route key="services" path="/services" element={guarded(<ServiceList />)} />,
  <Route key="service" path="/services/:serviceId" element={guarded(<ServicePage />)} />,
  <Route key="statement" path="/statements/:statementId" element={guarded(<StatementPage tab="editor" />)} />,
  <Route
    key="readiness"
    path="/statements/:statementId/readiness"
    element={guarded(<StatementPage tab="readiness" />)}
  />,
  <Route
    key="remediation"
    path="/statements/:statementId/remediation"
    element={guarded(<StatementPage tab="remediation" />)}
  />,
  <Route key="import" path="/statements/:statementId/import" element={guarded(<StatementPage tab="import" />)} />,
  <Route key="details" path="/statements/:statementId/details" element={guarded(<StatementPage tab="details" />)} />,
];
