/**
 * A client script: shows each `<time data-local>` in the reader's own time zone and
 * language. Bundled and minified by Kiln; only pages that use it load it.
 */
for (const element of document.querySelectorAll<HTMLTimeElement>("time[data-local]")) {
  const date = new Date(element.dateTime);
  if (Number.isNaN(date.getTime())) continue;
  element.textContent = date.toLocaleString(undefined, { dateStyle: "long", timeStyle: "short" });
  element.dataset.localized = "";
}
