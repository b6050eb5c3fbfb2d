/**
 * Groups the fields of one part of a page (a card, an entry, a field) under a form of their own.
 *
 * Chromium reads the form of a field on every keystroke (to offer to autofill it), with a
 * layout check per field of that form; fields outside any form all count as one form, so in a
 * long CV each keystroke checked every field of the page. The group's form is empty and hidden,
 * and its fields join it by the `form` attribute, so no form ever holds another and nothing
 * about the layout changes; it never submits.
 */
import { createContext, useContext, useId, type FormEvent, type ReactNode } from 'react';

const FieldGroupContext = createContext<string | undefined>(undefined);

/** The id of the form the fields here belong to (for their `form` attribute); none outside a group. */
export function useFieldGroup(): string | undefined {
  return useContext(FieldGroupContext);
}

const preventSubmit = (event: FormEvent) => event.preventDefault();

function GroupForm({ id }: { id: string }) {
  return <form id={id} hidden noValidate onSubmit={preventSubmit} />;
}

/** Makes the fields inside belong to one form of their own (its empty form comes last, so child selectors are not affected); `id` names the form when a control outside the context needs it. */
export function FieldGroup({ id: given, children }: { id?: string; children: ReactNode }) {
  const own = useId();
  const id = given ?? own;
  return (
    <FieldGroupContext.Provider value={id}>
      {children}
      <GroupForm id={id} />
    </FieldGroupContext.Provider>
  );
}
