/**
 * A synthetic NHS.net directory, generated deterministically from a seed. Names are drawn with
 * realistic skew, so a national directory's collisions appear (many Sarah Smiths, each in a
 * different organisation, told apart by numbered addresses like `sarah.smith23@nhs.net`), plus
 * apostrophes and accents (O'Neill, Zoë, Nguyễn). No real people.
 */
import type { UserDoc } from '../model/user';
import { pick, seededGuid, seededRandom, type Random } from '../prng';

// Earlier names are drawn more often (weighting below), so common names collide often.
const GIVEN = ['Sarah', 'James', 'David', 'Emma', 'John', 'Laura', 'Michael', 'Claire', 'Paul', 'Rebecca', 'Mohammed', 'Amy', 'Daniel',
  'Rachel', 'Mark', 'Hannah', 'Richard', 'Emily', 'Thomas', 'Sophie', 'Andrew', 'Jessica', 'Christopher', 'Lucy', 'Matthew', 'Charlotte',
  'Peter', 'Helen', 'Stephen', 'Nicola', 'Samuel', 'Samantha', 'Sam', 'Priya', 'Aisha', 'Fatima', 'Olusegun', 'Chidi', 'Wei', 'Mei',
  'Anil', 'Sunita', 'Ioana', 'Piotr', 'Agnieszka', 'Zoë', 'Siobhán', 'Seán', 'Niamh', 'Aoife', 'Ciarán', 'Rhys', 'Cerys', 'Angharad',
  'Hamish', 'Morag', 'Kwame', 'Ama', 'Yusuf', 'Zainab', 'Tomasz', 'Linh', 'Minh', 'José', 'Chloé', 'Renée', 'Gareth', 'Bethan'];
const SURNAMES = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson', 'Wright',
  'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Khan', 'Ahmed', 'Ali', 'Begum',
  'Singh', 'Shah', 'Hussain', 'Okafor', 'Adeyemi', 'Mensah', 'Chen', 'Wang', 'Nguyen', 'Nguyễn', 'Kowalski', 'Nowak', 'Popescu',
  "O'Neill", "O'Brien", "D'Souza", 'MacDonald', 'McLeod', 'Hughes', 'Morgan', 'Price', 'Lloyd', 'Müller', 'Pérez', 'Fernández',
  'Ó Súilleabháin', 'Smith-Jones', 'Carter', 'Turner', 'Reed', 'Edwards', 'Hill', 'Cooper', 'Ward', 'Morris'];
const ORGANISATIONS = ['Leeds Teaching Hospitals NHS Trust', 'Manchester University NHS Foundation Trust', "Guy's and St Thomas' NHS Foundation Trust",
  'NHS West Yorkshire ICB', 'NHS North East London ICB', 'NHS Birmingham and Solihull ICB', 'Oxford University Hospitals NHS Foundation Trust',
  'Bristol, North Somerset and South Gloucestershire ICB', 'Northumbria Healthcare NHS Foundation Trust', 'Cornwall Partnership NHS Foundation Trust',
  'Hillside Surgery', 'Parkview Medical Centre', 'Castle Street Surgery', 'Meadowbank Health Centre', 'The Old Mill Practice',
  'Harbour View Group Practice', 'St Anne’s Medical Centre', 'Kingsway Health Partnership', 'Brookfield Surgery', 'Elm Tree Practice',
  'NHS England', 'NHS Business Services Authority', 'South Central Ambulance Service NHS Foundation Trust', 'Riverside PCN',
  'Northgate PCN', 'Lakeside Community Pharmacy', 'Great Ormond Street Hospital for Children NHS Foundation Trust'];
const ROLES: ReadonlyArray<readonly [string, string]> = [
  ['GP partner', 'Clinical'], ['Salaried GP', 'Clinical'], ['Practice nurse', 'Nursing'], ['Healthcare assistant', 'Nursing'],
  ['Receptionist', 'Reception'], ['Reception lead', 'Reception'], ['Practice manager', 'Management'], ['Operations manager', 'Management'],
  ['Medical secretary', 'Administration'], ['Data quality lead', 'Administration'], ['Clinical pharmacist', 'Pharmacy'],
  ['Consultant physician', 'Medicine'], ['Staff nurse', 'Nursing'], ['Ward sister', 'Nursing'], ['Paramedic', 'Operations'],
  ['IT service desk analyst', 'Digital'], ['Digital transformation lead', 'Digital'], ['Information governance lead', 'Governance'],
  ['Physiotherapist', 'Therapies'], ['Care coordinator', 'PCN'], ['Social prescribing link worker', 'PCN'], ['Finance officer', 'Finance']];

/** Skewed pick: index ~ length * u^2, so the first names in a list are far more common. */
function skewed<T>(random: Random, items: readonly T[]): T {
  const r = random();
  return items[Math.floor(r * r * items.length)] ?? pick(random, items);
}

/** Lower-case ASCII local part: accents folded, apostrophes and spaces dropped (siobhan.oneill). */
export function mailLocalPart(givenName: string, surname: string): string {
  const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z-]/g, '').toLowerCase();
  return `${fold(givenName)}.${fold(surname)}`;
}

/**
 * `count` synthetic people, the same for the same `seed`. `reservedUpns` (lower-case) are never
 * generated, so seeded demo users keep their addresses.
 */
export function generateDirectory(count: number, seed: number, reservedUpns: ReadonlySet<string> = new Set()): UserDoc[] {
  const random = seededRandom(seed);
  const taken = new Map<string, number>();
  const users: UserDoc[] = [];
  for (let i = 0; i < count; i++) {
    const givenName = skewed(random, GIVEN);
    const surname = skewed(random, SURNAMES);
    const local = mailLocalPart(givenName, surname);
    let n = taken.get(local) ?? 0;
    let upn = n === 0 ? `${local}@nhs.net` : `${local}${n}@nhs.net`;
    while (reservedUpns.has(upn)) upn = `${local}${++n}@nhs.net`;
    taken.set(local, n + 1);
    const [jobTitle, department] = pick(random, ROLES);
    const companyName = pick(random, ORGANISATIONS);
    users.push({
      id: seededGuid(random),
      displayName: `${givenName} ${surname}`,
      givenName,
      surname,
      mail: upn,
      userPrincipalName: upn,
      jobTitle,
      department,
      companyName,
      officeLocation: companyName,
      accountEnabled: random() > 0.02,
      businessPhones: [],
      mobilePhone: null,
      preferredLanguage: 'en-GB',
    });
  }
  return users;
}
