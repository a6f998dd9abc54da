// Material's partials/javascripts/content.html (mkdocs-material 9.8.2), its last script, as a file for a strict CSP.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
