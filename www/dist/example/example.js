// What a portal does with the widget's events: here it only says what happened. Without an `endpoint`
// attribute, `checklist-submit` hands the portal the envelope to post to its own back end (README, Embedding).
const el = document.querySelector("accountability-checklist");
const status = document.getElementById("status");
el.addEventListener("checklist-ready", () => {
  status.textContent = "清单已就绪。";
});
el.addEventListener("checklist-submit", (e) => {
  status.textContent = `待提交：${e.detail.template.id}（由门户发送到其后端）`;
});
el.addEventListener("checklist-error", (e) => {
  status.textContent = e.detail.message || e.detail.kind;
});
