export default async function globalSetup(): Promise<void> {
  if (process.env.JEST_SKIP_DB === '1') return;
}
