import { Route, Routes } from 'react-router';
import { PeopleList } from './people-list';
import { PersonEditPage } from './person-form';
import { PersonPage } from './person-page';

export function PeopleRoutes() {
  return (
    <Routes>
      <Route index element={<PeopleList />} />
      <Route path="new" element={<PersonEditPage />} />
      <Route path=":id" element={<PersonPage />} />
      <Route path=":id/edit" element={<PersonEditPage />} />
    </Routes>
  );
}
