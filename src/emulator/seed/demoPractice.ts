/**
 * The demo practice every fresh emulator starts with. Tests and the README refer to these
 * constants, so the ids are fixed.
 */
export interface DemoPerson {
  readonly id: string;
  readonly upn: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly surname: string;
  readonly jobTitle: string;
  /** Shown on the local sign-in page. */
  readonly role: string;
  readonly teamRole: 'owner' | 'member' | 'none';
}

const ODS_NAME = 'Riverside Medical Practice';

function person(id: string, givenName: string, surname: string, jobTitle: string, teamRole: DemoPerson['teamRole'], upn?: string): DemoPerson {
  const displayName = `${givenName} ${surname}`;
  const roleText = teamRole === 'owner' ? 'team owner' : teamRole === 'member' ? 'team member' : 'not in the practice team';
  return {
    id,
    upn: upn ?? `${givenName}.${surname}@nhs.net`.toLowerCase(),
    displayName,
    givenName,
    surname,
    jobTitle,
    role: `${jobTitle} (${roleText})`,
    teamRole,
  };
}

const manager = person('5f0c1a2e-7b3d-4c8e-9a10-000000000001', 'Priya', 'Shah', 'Practice manager', 'owner');
const staff = person('5f0c1a2e-7b3d-4c8e-9a10-000000000002', 'Tom', 'Reed', 'Receptionist', 'member');
const outsider = person('5f0c1a2e-7b3d-4c8e-9a10-000000000003', 'Alex', 'Morgan', 'Digital transformation lead', 'none');
/** Owned register entries, then left: deleted from the directory and removed from the team. */
const leaver = person('5f0c1a2e-7b3d-4c8e-9a10-000000000099', 'Gareth', 'Hughes', 'IT lead', 'none');

/** Still a member of the team, but their NHSmail account is disabled (`accountEnabled: false`); owns an entry with a deputy. */
const disabledOwner = person('5f0c1a2e-7b3d-4c8e-9a10-000000000014', 'Lucy', 'Ward', 'Care coordinator', 'member');
/** Moved to another organisation: still in the directory, no longer in the team; owns an entry. */
const formerMember = person('5f0c1a2e-7b3d-4c8e-9a10-000000000015', 'Kwame', 'Mensah', 'Clinical pharmacist', 'none');

const team: DemoPerson[] = [
  manager,
  staff,
  person('5f0c1a2e-7b3d-4c8e-9a10-000000000004', 'James', 'Okafor', 'GP partner', 'owner'),
  person('5f0c1a2e-7b3d-4c8e-9a10-000000000005', 'Helen', 'Carter', 'GP partner and Caldicott guardian', 'member'),
  person('5f0c1a2e-7b3d-4c8e-9a10-000000000006', 'Aisha', 'Begum', 'Reception lead', 'member'),
  person('5f0c1a2e-7b3d-4c8e-9a10-000000000007', 'Mark', 'Wilson', 'Digital lead', 'member'),
  person('5f0c1a2e-7b3d-4c8e-9a10-000000000008', 'Sophie', 'Turner', 'Practice nurse', 'member'),
  person('5f0c1a2e-7b3d-4c8e-9a10-000000000009', 'Daniel', 'Evans', 'Clinical pharmacist', 'member'),
  person('5f0c1a2e-7b3d-4c8e-9a10-000000000010', 'Grace', 'Lee', 'Data quality lead', 'member'),
  person('5f0c1a2e-7b3d-4c8e-9a10-000000000011', 'Rachel', 'Green', 'Operations manager', 'member'),
  person('5f0c1a2e-7b3d-4c8e-9a10-000000000012', 'Siobhán', "O'Neill", 'Medical secretary', 'member', 'siobhan.oneill@nhs.net'),
  person('5f0c1a2e-7b3d-4c8e-9a10-000000000013', 'Owen', 'Price', 'Healthcare assistant', 'member'),
  disabledOwner,
];

/**
 * People the manager works with outside the practice team, returned by `/me/people` after the team:
 * the ICB digital lead, and one of the directory's many Sarah Smiths (the others are strangers).
 */
const contacts: DemoPerson[] = [
  person('5f0c1a2e-7b3d-4c8e-9a10-000000000016', 'Sarah', 'Smith', 'IT service desk analyst', 'none', 'sarah.smith.icb@nhs.net'),
];

export const DEMO = {
  organisation: ODS_NAME,
  team: {
    id: '7c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f',
    displayName: ODS_NAME,
    description: 'Staff team of Riverside Medical Practice (demo data).',
  },
  channel: { id: '19:digitalservices0001@thread.tacv2', displayName: 'Digital services' },
  generalChannel: { id: '19:general0001@thread.tacv2', displayName: 'General' },
  site: {
    id: 'emulator.sharepoint.com,1a2b3c4d-0000-4000-8000-000000000001,1a2b3c4d-0000-4000-8000-000000000002',
    name: 'RiversideMedicalPractice',
    displayName: ODS_NAME,
    webUrl: 'https://emulator.sharepoint.com/sites/RiversideMedicalPractice',
  },
  registerListId: '2b3c4d5e-0000-4000-8000-000000000001',
  /** The register's shared settings list (empty: no downtime pack printed yet). */
  settingsListId: '2b3c4d5e-0000-4000-8000-000000000002',
  manager,
  staff,
  outsider,
  leaver,
  disabledOwner,
  formerMember,
  /** Frequent contacts outside the team (besides the outsider), for `/me/people`. */
  contacts,
  /** Everyone in the practice team (owners and members), the manager first. */
  teamMembers: team,
  /** The people who can sign in locally (`GET /emulator/users`). */
  signInUsers: [...team, outsider],
} as const;
