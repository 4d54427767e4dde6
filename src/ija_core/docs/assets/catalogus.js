// Filters the instrument catalogue table by fase, leefgebied and aanbieder (no outside requests).
(function () {
  function init() {
    var tabel = document.querySelector(".ija-catalogus table");
    var keuzes = document.querySelectorAll(".ija-filter select[data-filter]");
    var telling = document.querySelector(".ija-filter__telling");
    if (!tabel || !keuzes.length) return;
    var rijen = tabel.querySelectorAll("tbody tr");
    function pas() {
      var zichtbaar = 0;
      rijen.forEach(function (rij) {
        var past = true;
        keuzes.forEach(function (keuze) {
          var waarde = keuze.value;
          if (!waarde) return;
          var lijst = (rij.getAttribute("data-" + keuze.dataset.filter) || "").split(" ");
          if (lijst.indexOf(waarde) < 0) past = false;
        });
        rij.hidden = !past;
        if (past) zichtbaar += 1;
      });
      if (telling) telling.textContent = zichtbaar + " van " + rijen.length + " instrumenten";
    }
    keuzes.forEach(function (keuze) { keuze.addEventListener("change", pas); });
    pas();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
