import { Route, Routes } from 'react-router';
import { NoteEditorPage } from './note-editor';
import { NotesList } from './notes-list';

export function NotesRoutes() {
  return (
    <Routes>
      <Route index element={<NotesList />} />
      <Route path=":id" element={<NoteEditorPage />} />
    </Routes>
  );
}
