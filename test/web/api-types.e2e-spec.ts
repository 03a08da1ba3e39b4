import { readFileSync } from 'node:fs';
import { API_TYPES_FILE, apiTypesOf } from '../../scripts/web-api-types';
import { TestContext } from '../setup/test-context';

describe("the web app's API types", () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  it('are what openapi-typescript makes of the document the API serves (else: npm run web:api-types)', async () => {
    const served = (await ctx.api('anonymous').get('/docs-json').expect(200)).body;
    expect(readFileSync(API_TYPES_FILE, 'utf8')).toBe(apiTypesOf(served));
  });
});
