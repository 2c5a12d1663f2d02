import { SimpleGrid } from '@mantine/core';
import type { ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { NewTeamMemberInput } from '../../../shared/contract/team';
import { NEW_PASSWORD_RULE, NewPasswordField, TextField } from '../../forms/fields';

/** A person's account, as registering a restaurant (its owner) and adding a team member ask for it. */
type PersonValues = Pick<NewTeamMemberInput, 'fullName' | 'position' | 'username' | 'email' | 'password'>;

interface PersonFieldsProps<T extends PersonValues, R extends FieldValues> {
  form: UseFormReturn<T, unknown, R>;
  /**
   * `own`: the account of whoever is typing (the browser may fill in what it knows of them).
   * `member`: someone else's, whose first password they are told in person.
   */
  account: 'own' | 'member';
  /** Between the email and the password: what else the form asks (e.g. the role). */
  children?: ReactNode;
}

/** Full name, position, username, email and password, two to a row. */
export function PersonFields<T extends PersonValues, R extends FieldValues>({
  form,
  account,
  children,
}: PersonFieldsProps<T, R>) {
  // The field names are fixed by PersonValues; the cast only forgets the rest of T.
  const person = form as unknown as UseFormReturn<PersonValues, unknown, FieldValues>;
  const own = account === 'own';
  return (
    <SimpleGrid cols={2}>
      <TextField
        form={person}
        name="fullName"
        label="Full name"
        withAsterisk
        autoComplete={own ? 'name' : 'off'}
        data-autofocus={own ? undefined : true}
      />
      <TextField
        form={person}
        name="position"
        label="Position"
        placeholder={own ? 'e.g. Head chef' : 'e.g. Line cook'}
        autoComplete={own ? 'organization-title' : 'off'}
      />
      <TextField form={person} name="username" label="Username" withAsterisk autoComplete={own ? 'username' : 'off'} />
      <TextField
        form={person}
        name="email"
        label="Email"
        withAsterisk
        type="email"
        autoComplete={own ? 'email' : 'off'}
      />
      {children}
      <NewPasswordField
        form={person}
        name="password"
        label={own ? 'Password' : 'First password'}
        withAsterisk
        description={own ? NEW_PASSWORD_RULE : `${NEW_PASSWORD_RULE}; tell it to them in person`}
      />
    </SimpleGrid>
  );
}
