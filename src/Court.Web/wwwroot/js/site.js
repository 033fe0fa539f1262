// Small progressive enhancements; every page works without script.
(function () {
  "use strict";

  // Demo accounts on the sign-in page: a click fills the user name and the shared demo password.
  document.querySelectorAll(".demo-fill").forEach(function (button) {
    button.addEventListener("click", function () {
      var user = document.getElementById("UserName");
      var password = document.getElementById("Password");
      if (user && password) {
        user.value = button.getAttribute("data-user");
        password.value = "Court!2022";
        password.focus();
      }
    });
  });

  // Workflow diagrams: load mermaid (5 MB) only when a page shows one; a folded diagram is drawn when first opened
  // (mermaid cannot measure text inside a closed <details>).
  var loading = null;
  function loadMermaid(url) {
    if (!loading) {
      loading = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = url;
        script.onload = function () {
          window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: "neutral" });
          resolve(window.mermaid);
        };
        document.head.appendChild(script);
      });
    }
    return loading;
  }
  function draw(details) {
    var pre = details.querySelector("pre.mermaid:not([data-processed])");
    if (!pre) {
      return;
    }
    loadMermaid(details.getAttribute("data-mermaid")).then(function (mermaid) {
      return mermaid.run({ nodes: [pre] });
    }).then(function () {
      document.documentElement.setAttribute("data-diagrams", "rendered");
    });
  }
  document.querySelectorAll("details.workflow-diagram").forEach(function (details) {
    if (details.open) {
      draw(details);
    }
    details.addEventListener("toggle", function () {
      if (details.open) {
        draw(details);
      }
    });
  });
})();
