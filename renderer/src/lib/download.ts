// In a browser a file the app makes (a QR image, a history CSV) goes to the browser's downloads.

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once started; the URL only needs to live until then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
