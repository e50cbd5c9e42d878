// The rich editors helpdesks use, on the test helpdesk page: real ProseMirror and Lexical, each
// exposing what its own state holds (not the page text), so a test sees what the editor saw.
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { schema } from 'prosemirror-schema-basic';
import { $createParagraphNode, $getRoot, createEditor } from 'lexical';
import { registerPlainText } from '@lexical/plain-text';
import { createElement, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { Editor, EditorState as DraftState } from 'draft-js';

const pmView = new EditorView(document.getElementById('c-prosemirror'), {
  state: EditorState.create({ schema }),
});

const lexical = createEditor({ namespace: 'helpdesk', onError: (e) => console.error(e) });
lexical.setRootElement(document.getElementById('c-lexical'));
registerPlainText(lexical);
// As a helpdesk's editor starts: one empty paragraph.
lexical.update(() => {
  if ($getRoot().isEmpty()) $getRoot().append($createParagraphNode());
});

// Draft.js, as React renders it; its state is kept where the test can read it.
let draftState = DraftState.createEmpty();
function DraftComposer() {
  const [state, setState] = useState(draftState);
  return createElement(Editor, {
    editorState: state,
    onChange: (next: DraftState) => {
      draftState = next;
      setState(next);
    },
    ariaLabel: 'Reply (Draft.js)',
  });
}
flushSync(() => createRoot(document.getElementById('c-draft')!).render(createElement(DraftComposer)));

const editors = {
  draft: (): string => draftState.getCurrentContent().getPlainText('\n'),
  prosemirror: (): string => pmView.state.doc.textBetween(0, pmView.state.doc.content.size, '\n'),
  lexical: (): string => lexical.getEditorState().read(() => $getRoot().getTextContent()),
};
(window as unknown as { editorText: (which: keyof typeof editors) => string }).editorText = (which) => editors[which]();
