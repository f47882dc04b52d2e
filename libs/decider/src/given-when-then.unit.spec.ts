// The helper is tested on a tiny decider: a volunteer roster that refuses a member twice.
import { describe, expect, it } from '@jest/globals';
import { DomainRuleViolation, type Decider } from './decider.ts';
import { deciderSpec, SpecFailure } from './given-when-then.ts';

type Event =
  { type: 'MemberAdded'; data: { memberId: string } } | { type: 'MemberRemoved'; data: { memberId: string } };
type Command = { type: 'AddMember'; memberId: string } | { type: 'RemoveMember'; memberId: string };
type State = { members: ReadonlySet<string> };

const roster: Decider<Command, Event, State> = {
  initialState: () => ({ members: new Set() }),
  decide: (command, state) => {
    switch (command.type) {
      case 'AddMember':
        if (state.members.has(command.memberId)) {
          throw new DomainRuleViolation('member_already_in_team', 'Thành viên đã có trong tổ', 'memberId');
        }
        return [{ type: 'MemberAdded', data: { memberId: command.memberId } }];
      case 'RemoveMember':
        return state.members.has(command.memberId)
          ? [{ type: 'MemberRemoved', data: { memberId: command.memberId } }]
          : [];
    }
  },
  evolve: (state, event) => {
    const members = new Set(state.members);
    if (event.type === 'MemberAdded') members.add(event.data.memberId);
    else members.delete(event.data.memberId);
    return { members };
  },
};
const spec = deciderSpec(roster);
const added = (memberId: string): Event => ({ type: 'MemberAdded', data: { memberId } });

describe('given/when/then', () => {
  it('passes when decide produces exactly the expected events', () => {
    spec
      .given([])
      .when({ type: 'AddMember', memberId: 'm1' })
      .then([added('m1')]);
  });

  it('fails, showing both lists, when the events differ', () => {
    expect(() =>
      spec
        .given([])
        .when({ type: 'AddMember', memberId: 'm1' })
        .then([added('m2')]),
    ).toThrow(SpecFailure);
  });

  it('passes a refusal with the expected code and field', () => {
    spec
      .given([added('m1')])
      .when({ type: 'AddMember', memberId: 'm1' })
      .thenRefused('member_already_in_team', 'memberId');
  });

  it('fails a refusal expectation when the command succeeds or is refused otherwise', () => {
    expect(() =>
      spec.given([]).when({ type: 'AddMember', memberId: 'm1' }).thenRefused('member_already_in_team'),
    ).toThrow(/produced/);
    expect(() =>
      spec
        .given([added('m1')])
        .when({ type: 'AddMember', memberId: 'm1' })
        .thenRefused('member_already_in_team', 'teamId'),
    ).toThrow(/Expected refusal/);
  });

  it('treats "nothing to do" as no events', () => {
    spec.given([]).when({ type: 'RemoveMember', memberId: 'm9' }).then([]);
  });
});
