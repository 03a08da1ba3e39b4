import { generateDemoBarriers, readDemoData, generateStatusHistory } from '@app/demo';

/** The fields of a follow-up (GET /follow-ups) that this script reads. */
interface FollowUpJson {
  id: number;
  servicesNotOffered: string[];
  ownerId: number | null;
  barrierCount: number;
  practice?: { regionCode: string };
}

/**
 * Some follow-up work for the demo, done the way staff do it: through the API, as the demo admin. Waits
 * for the worker's sweep to open the follow-ups, then records a few barriers and gives some follow-ups an
 * owner. Skips what is there already, so a second run adds nothing.
 */
export async function seedFollowUpActivity(
  base: string,
  admin: { email: string; password: string },
  supportEmail: string,
): Promise<string> {
  const api = await signIn(base, admin);
  const followUpOf = async (practiceCode: string) =>
    (await api<{ items?: FollowUpJson[] }>('GET', `/follow-ups?practiceCode=${practiceCode}`)).items?.[0];
  const data = readDemoData();
  const barriers = generateDemoBarriers(data.practices, generateStatusHistory(data.practices, data.listSizes));
  let waited = 0;
  while (!(await followUpOf(barriers[0].practiceCode)) && waited < 60) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    waited++;
  }
  const support = (await api<{ items: { id: number; email: string }[] }>('GET', '/users?pageSize=100')).items.find(
    (u) => u.email === supportEmail,
  );
  let recorded = 0;
  let assigned = 0;
  for (const b of barriers) {
    const followUp = await followUpOf(b.practiceCode);
    if (!followUp) continue;
    if (followUp.barrierCount) continue;
    // The history moved on after the barrier's date: name a service the follow-up is still about.
    const service = followUp.servicesNotOffered.includes(b.service) ? b.service : followUp.servicesNotOffered[0];
    const res = await api<{ id?: number }>('POST', `/follow-ups/${followUp.id}/barriers`, {
      barriers: [{ service, category: b.category, detail: b.detail }],
    });
    if (res.id) recorded++;
    if (support && !followUp.ownerId && followUp.practice?.regionCode === 'Y54') {
      await api('PUT', `/follow-ups/${followUp.id}/owner`, { ownerId: support.id });
      assigned++;
    }
  }
  const total = (await api<{ total: number }>('GET', '/follow-ups?pageSize=1')).total;
  return `${total} open follow-ups; ${recorded} given demo barriers, ${assigned} assigned to the demo support user.`;
}

async function signIn(base: string, creds: { email: string; password: string }) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(creds),
  });
  const { accessToken } = (await login.json()) as { accessToken?: string };
  if (!accessToken) throw new Error(`Demo sign-in as ${creds.email} failed (${login.status})`);
  // The caller names the documented response it expects; a thin script, so it is not checked.
  return async <T = unknown>(method: string, path: string, body?: object): Promise<T> => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    return (await res.json()) as T;
  };
}
