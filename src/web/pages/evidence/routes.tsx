import { Route } from 'react-router-dom';
import { Guard } from '../../components/guard';
import { EvidenceDetailPage } from './EvidenceDetailPage';
import { EvidenceLibrary } from './EvidenceLibrary';

// The evidence library is the active CSP organization's own: for anyone else the pages are not found (and the
// server answers 404 for evidence the caller may not read).
const guarded = (el: React.ReactNode) => <Guard page="evidence">{el}</Guard>;

export const evidenceRoutes = [
  <Route key="evidence" path="/evidence" element={guarded(<EvidenceLibrary />)} />,
  <Route key="evidence-one" path="/evidence/:evidenceId" element={guarded(<EvidenceDetailPage />)} />,
];
