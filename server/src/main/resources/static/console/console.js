// Small progressive enhancements; every page works without them.
document.addEventListener("change", (event) => {
  // The workspace switcher opens the chosen workspace at once.
  if (event.target.matches("select[data-autosubmit]") && event.target.value) {
    event.target.form.submit();
  }
});

document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const text = document.getElementById(button.dataset.copy).textContent.trim();
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {
    // Without clipboard access (plain HTTP), select the text so Ctrl+C copies it.
    const range = document.createRange();
    range.selectNodeContents(document.getElementById(button.dataset.copy));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  }
  button.textContent = "Copied";
});

// The task board: drag a card onto a column to change its status (the same PATCH as its "move" menu).
document.addEventListener("dragstart", (event) => {
  const card = event.target.closest && event.target.closest(".task[draggable]");
  if (card) event.dataTransfer.setData("text/plain", card.id);
});
document.addEventListener("dragover", (event) => {
  const column = event.target.closest && event.target.closest(".column[data-status]");
  if (column) { event.preventDefault(); column.classList.add("drop"); }
});
document.addEventListener("dragleave", (event) => {
  const column = event.target.closest && event.target.closest(".column[data-status]");
  if (column) column.classList.remove("drop");
});
document.addEventListener("drop", (event) => {
  const column = event.target.closest && event.target.closest(".column[data-status]");
  if (!column) return;
  event.preventDefault();
  column.classList.remove("drop");
  const card = document.getElementById(event.dataTransfer.getData("text/plain"));
  if (!card || card.dataset.status === column.dataset.status) return;
  htmx.ajax("PATCH", card.dataset.move, {
    target: "#board", swap: "outerHTML",
    values: { status: column.dataset.status, version: card.dataset.version },
  });
});

// htmx leaves error answers unswapped: a change refused outright (an expired form, a server
// failure) would look like nothing happened. Say so, and offer to reload the page.
document.addEventListener("htmx:responseError", (event) => {
  const status = event.detail.xhr.status;
  const why = status === 403 ? "This page has expired or you may no longer do this."
    : "The change could not be made (" + status + ").";
  if (confirm(why + " Reload the page?")) location.reload();
});

// A one-time notice carried in the address (the explorer's ?applied=…) leaves it once shown, so a
// reload or a shared link does not claim again that a change was just made.
{
  const address = new URL(location.href);
  if (address.searchParams.has("applied")) {
    address.searchParams.delete("applied");
    history.replaceState(null, "", address);
  }
}
