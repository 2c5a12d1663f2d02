import { Autocomplete, type AutocompleteProps } from '@mantine/core';
import { useState } from 'react';

interface SuggestInputProps extends Omit<AutocompleteProps, 'data' | 'value' | 'onChange'> {
  data: string[];
  value: string;
  onChange: (value: string) => void;
}

/**
 * Free text with suggestions. The list only counts as open while it shows something, so Escape
 * closes the surrounding dialog instead of an invisible, empty list.
 */
export function SuggestInput({ data, value, ...props }: SuggestInputProps) {
  const [wanted, setWanted] = useState(false);
  const typed = value.trim().toLocaleLowerCase();
  const showsSomething = data.some((option) => option !== value && option.toLocaleLowerCase().includes(typed));
  return (
    <Autocomplete
      {...props}
      data={data}
      value={value}
      limit={50}
      autoComplete="off"
      dropdownOpened={wanted && showsSomething}
      onDropdownOpen={() => setWanted(true)}
      onDropdownClose={() => setWanted(false)}
    />
  );
}
