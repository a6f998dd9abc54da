/* Cases: untangle a real meeting. */
(function () {
  "use strict";
})();
