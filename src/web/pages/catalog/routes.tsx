// Catalog, search and mapping pages are registered here (see the catalog issue).
export const catalogRoutes = null;
