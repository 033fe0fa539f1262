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

  // Workflow diagrams: load mermaid (5 MB) only where a page has one.
  if (document.querySelector("pre.mermaid")) {
    var script = document.createElement("script");
    script.src = "/lib/mermaid/mermaid.min.js";
    script.onload = function () {
      window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: "neutral" });
      window.mermaid.run({ querySelector: "pre.mermaid" }).then(function () {
        document.documentElement.setAttribute("data-diagrams", "rendered");
      });
    };
    document.head.appendChild(script);
  }
})();
