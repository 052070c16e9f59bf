import { randomBytes } from 'node:crypto';
import { IdentityFactory, TestUser } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

const SEARCH = `query(
  $filter: CulturalResourceFilterInput, $orderBy: CulturalResourceOrder,
  $first: Int, $after: String, $last: Int, $before: String
) {
  culturalResources(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name localName kind district { name } } }
  }
}`;

interface Page {
  culturalResources: {
    totalCount: number;
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
    edges: {
      cursor: string;
      node: { id: string; name: string; localName: string; kind: string };
    }[];
  };
}

const DISTRICTS = [
  ['Shenhe', '沈河区'],
  ['Huanggu', '皇姑区'],
  ['Hunnan', '浑南区'],
  ['Tiexi', '铁西区'],
] as const;
type DistrictName = (typeof DISTRICTS)[number][0];

/** A small Shenyang catalogue, in a city of its own so other suites never change the results. */
const RESOURCES: {
  name: string;
  localName: string;
  kind: string;
  district: DistrictName;
  description: string;
}[] = [
  {
    name: 'Shenyang Imperial Palace',
    localName: '沈阳故宫',
    kind: 'PALACE_QING_CULTURE',
    district: 'Shenhe',
    description: 'Qing dynasty palace complex of 1625, with the Dazheng Hall and Fuyun roofs.',
  },
  {
    name: 'Fuling Tomb',
    localName: '福陵',
    kind: 'PALACE_QING_CULTURE',
    district: 'Hunnan',
    description: 'Qing mausoleum of Nurhaci on a wooded hill east of the city.',
  },
  {
    name: 'Zhaoling Tomb',
    localName: '昭陵',
    kind: 'PALACE_QING_CULTURE',
    district: 'Huanggu',
    description: 'Qing mausoleum of Hong Taiji inside Beiling Park.',
  },
  {
    name: 'Tiexi Industrial Museum',
    localName: '铁西工业博物馆',
    kind: 'INDUSTRIAL_HERITAGE',
    district: 'Tiexi',
    description: "Machine tools and foundries from Tiexi's factories.",
  },
  {
    name: '1905 Creative Park',
    localName: '1905文化创意园',
    kind: 'INDUSTRIAL_HERITAGE',
    district: 'Tiexi',
    description: 'A former factory workshop turned into studios and a market.',
  },
  {
    name: 'Manchu Paper-Cutting',
    localName: '满族剪纸',
    kind: 'FOLK_CULTURE',
    district: 'Shenhe',
    description: 'Folk paper-cut art of the Manchu people, from window flowers to long scrolls.',
  },
  {
    name: "Zhang's Mansion",
    localName: '张氏帅府',
    kind: 'REVOLUTIONARY_HISTORY',
    district: 'Shenhe',
    description:
      'Former residence of Zhang Zuolin and Zhang Xueliang, a short walk from the palace.',
  },
];

describe('cultural resource search', () => {
  let app: TestApp;
  let admin: TestUser;
  let cityId: string;
  const districtIds = new Map<DistrictName, string>();

  const search = (
    filter: Record<string, unknown>,
    args: { orderBy?: string; first?: number; after?: string; last?: number; before?: string } = {},
  ) => app.gql.data<Page>(SEARCH, { filter: { cityId, ...filter }, ...args });

  const names = (page: Page) => page.culturalResources.edges.map((edge) => edge.node.name);
  const sorted = (values: string[]) => [...values].sort();

  beforeAll(async () => {
    app = await startTestApp();
    admin = await new IdentityFactory(app).admin();
    const code = `search-${randomBytes(4).toString('hex')}`;
    ({
      createCity: { id: cityId },
    } = await admin.gql.data<{ createCity: { id: string } }>(
      'mutation($input: CreateCityInput!) { createCity(input: $input) { id } }',
      { input: { code, name: 'Shenyang', localName: '沈阳' } },
    ));
    for (const [name, localName] of DISTRICTS) {
      const { createDistrict } = await admin.gql.data<{ createDistrict: { id: string } }>(
        'mutation($input: CreateDistrictInput!) { createDistrict(input: $input) { id } }',
        { input: { cityId, name, localName } },
      );
      districtIds.set(name, createDistrict.id);
    }
    for (const { district, ...resource } of RESOURCES) {
      await admin.gql.data(
        'mutation($input: CreateCulturalResourceInput!) { createCulturalResource(input: $input) { id } }',
        { input: { ...resource, cityId, districtId: districtIds.get(district) } },
      );
    }
  });

  afterAll(() => app.close());

  describe('matching', () => {
    it.each([
      ['a Chinese substring of a local name', '故宫', ['Shenyang Imperial Palace']],
      ['a whole Chinese local name', '沈阳故宫', ['Shenyang Imperial Palace']],
      ['two Chinese characters (剪纸)', '剪纸', ['Manchu Paper-Cutting']],
      ['Chinese inside a mixed name', '文化创意', ['1905 Creative Park']],
      ['an English word, any case', 'MAUSOLEUM', ['Fuling Tomb', 'Zhaoling Tomb']],
      ['a partial English word', 'Imper', ['Shenyang Imperial Palace']],
      [
        'a partial word in descriptions',
        'facto',
        ['1905 Creative Park', 'Tiexi Industrial Museum'],
      ],
      ['every partial term, in any order', 'mauso hong', ['Zhaoling Tomb']],
      ['a quoted phrase', '"paper-cut art"', ['Manchu Paper-Cutting']],
      ['OR between words', 'Nurhaci or Xueliang', ['Fuling Tomb', "Zhang's Mansion"]],
      ['a hyphenated word', 'paper-cutting', ['Manchu Paper-Cutting']],
    ])('finds %s', async (_label, text, expected) => {
      expect(sorted(names(await search({ text })))).toEqual(sorted(expected));
    });

    it('excludes -terms from both the full-text and the substring matches', async () => {
      expect(sorted(names(await search({ text: 'qing -tomb' })))).toEqual([
        'Shenyang Imperial Palace',
      ]);
      expect(names(await search({ text: 'mausoleum -Nurha' }))).toEqual(['Zhaoling Tomb']);
    });

    it('takes LIKE wildcards literally', async () => {
      // unescaped, '%omb%%' would match both tombs and 'Fu_ing' would match Fuling
      for (const text of ['%', '_', '\\', 'omb%', 'Fu_ing']) {
        expect(names(await search({ text }))).toEqual([]);
      }
    });

    it('finds nothing for an unknown word', async () => {
      const page = await search({ text: 'pagoda' });
      expect(page.culturalResources).toMatchObject({ totalCount: 0, edges: [] });
    });

    it('treats blank text as no text filter', async () => {
      const page = await search({ text: '   ' });
      expect(page.culturalResources.totalCount).toBe(RESOURCES.length);
    });

    it('combines text with kind and district filters', async () => {
      const qing = (filter: Record<string, unknown>) =>
        search({ text: 'qing', ...filter }).then((page) => sorted(names(page)));
      expect(await qing({})).toEqual(['Fuling Tomb', 'Shenyang Imperial Palace', 'Zhaoling Tomb']);
      expect(await qing({ districtId: districtIds.get('Huanggu') })).toEqual(['Zhaoling Tomb']);
      expect(await qing({ kind: 'FOLK_CULTURE' })).toEqual([]);

      const factory = await search({
        text: 'factor',
        kind: 'INDUSTRIAL_HERITAGE',
        districtId: districtIds.get('Tiexi'),
      });
      expect(factory.culturalResources.totalCount).toBe(2);
      expect(
        names(
          await search({
            text: '剪纸',
            kind: 'FOLK_CULTURE',
            districtId: districtIds.get('Tiexi'),
          }),
        ),
      ).toEqual([]);
    });

    it('is open to anonymous visitors and validates the text length', async () => {
      const response = await app.gql.request(SEARCH, { filter: { text: 'x'.repeat(201) } });
      expect(response.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ field: 'filter.text', message: expect.stringContaining('200') }],
      });
    });

    it('sees edits: PostgreSQL regenerates the search columns', async () => {
      expect(names(await search({ text: 'check-ins' }))).toEqual([]);
      const [mansion] = (await search({ text: '帅府' })).culturalResources.edges;
      await admin.gql.data(
        'mutation($id: ID!, $input: UpdateCulturalResourceInput!) { updateCulturalResource(id: $id, input: $input) { id } }',
        {
          id: mansion.node.id,
          input: {
            description:
              'Former residence of Zhang Xueliang, the Young Marshal, a short walk from the palace; AR check-ins.',
          },
        },
      );
      expect(names(await search({ text: 'check-ins' }))).toEqual(["Zhang's Mansion"]);
      expect(names(await search({ text: 'young marsh' }))).toEqual(["Zhang's Mansion"]);
      expect(names(await search({ text: 'Zuolin' }))).toEqual([]);
    });
  });

  describe('ordering', () => {
    it('by RELEVANCE (the default with text): a name hit before a description hit', async () => {
      const palace = names(await search({ text: 'palace' }));
      expect(palace).toEqual(['Shenyang Imperial Palace', "Zhang's Mansion"]);
      expect(names(await search({ text: 'palace' }, { orderBy: 'RELEVANCE' }))).toEqual(palace);

      const paper = names(await search({ text: '剪纸' }));
      expect(paper[0]).toBe('Manchu Paper-Cutting');

      const tiexi = names(await search({ text: 'tiexi' }));
      expect(tiexi[0]).toBe('Tiexi Industrial Museum');
    });

    it('by NAME when asked, also with text', async () => {
      const page = await search({ text: 'palace' }, { orderBy: 'NAME' });
      expect(names(page)).toEqual(['Shenyang Imperial Palace', "Zhang's Mansion"]);
      const all = names(await search({}, { orderBy: 'NAME' }));
      expect(all).toEqual([...all].sort());
    });

    it('pages by relevance forwards and backwards without gaps or repeats', async () => {
      const filter = { text: 'qing OR tiexi OR zhang OR manchu' };
      const whole = await search(filter, { first: 100 });
      const expected = names(whole);
      expect(expected.length).toBeGreaterThanOrEqual(6);
      expect(whole.culturalResources.totalCount).toBe(expected.length);

      const forwards: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await search(filter, { first: 2, after });
        forwards.push(...names(page));
        expect(page.culturalResources.totalCount).toBe(expected.length);
        expect(page.culturalResources.pageInfo.hasPreviousPage).toBe(after !== undefined);
        if (!page.culturalResources.pageInfo.hasNextPage) break;
        after = page.culturalResources.pageInfo.endCursor!;
      }
      expect(forwards).toEqual(expected);

      const backwards: string[] = [];
      let before: string | undefined;
      for (;;) {
        const page = await search(filter, { last: 2, before });
        backwards.unshift(...names(page));
        if (!page.culturalResources.pageInfo.hasPreviousPage) break;
        before = page.culturalResources.pageInfo.startCursor!;
      }
      expect(backwards).toEqual(expected);
    });

    it('refuses a NAME cursor for RELEVANCE ordering as an invalid cursor', async () => {
      const byName = await search({ text: 'qing' }, { orderBy: 'NAME', first: 1 });
      const response = await app.gql.request(SEARCH, {
        filter: { cityId, text: 'qing' },
        after: byName.culturalResources.pageInfo.endCursor,
      });
      expect(response.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_CURSOR',
      });
    });
  });
});
