import { Route, Routes } from 'react-router';
import { VisitDetailPage } from './visit-detail-page';
import { EditVisitPage, NewVisitPage } from './visit-form-page';
import { VisitListPage } from './visit-list-page';

/** Mounted at /visits/*: the list, a new visit, one visit, and its edit form. */
export function VisitsRoutes() {
  return (
    <Routes>
      <Route index element={<VisitListPage />} />
      <Route path="new" element={<NewVisitPage />} />
      <Route path=":id" element={<VisitDetailPage />} />
      <Route path=":id/edit" element={<EditVisitPage />} />
    </Routes>
  );
}
