/**
 * Hands a file the page already holds to the browser's downloads (an object URL, no second request). The
 * API's files are fetched with the bearer token, which lives only in memory, so a plain link could not
 * carry it: the page fetches the file and saves it from here.
 */
export function saveFile(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; a moment later it can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
