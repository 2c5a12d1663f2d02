import { describe, expect, it } from 'vitest';
import { assignableRoles } from './team-rules';

describe('the roles a team member may give', () => {
  it('an owner: any, owner included', () => {
    expect(assignableRoles({ role: 'owner' })).toEqual(['owner', 'manager', 'staff']);
  });

  it('a manager: manager or staff, never owner', () => {
    expect(assignableRoles({ role: 'manager' })).toEqual(['manager', 'staff']);
  });

  it("is a list of the caller's own, which changing does not change the next one", () => {
    const first = assignableRoles({ role: 'owner' });
    first.pop();
    expect(assignableRoles({ role: 'owner' })).toEqual(['owner', 'manager', 'staff']);
  });
});
