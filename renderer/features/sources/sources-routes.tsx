import { Route, Routes } from 'react-router';
import { NewSourcePage } from './source-form';
import { SourceReader } from './source-reader';
import { SourcesList } from './sources-list';

export function SourcesRoutes() {
  return (
    <Routes>
      <Route index element={<SourcesList />} />
      <Route path="new" element={<NewSourcePage />} />
      <Route path=":id" element={<SourceReader />} />
    </Routes>
  );
}
