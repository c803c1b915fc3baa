import { Route, Routes } from 'react-router';
import { DatasetImportPage } from './dataset-import-page';
import { ImportPage } from './import-page';

export function ImportRoutes() {
  return (
    <Routes>
      <Route index element={<ImportPage />} />
      <Route path="dataset" element={<DatasetImportPage />} />
    </Routes>
  );
}
