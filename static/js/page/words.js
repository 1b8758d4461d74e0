/* Streamlit's own words on a page, in the page's language (ui/text/framework_words.py).
 *
 * Sets the root element's `lang` to `config.language` and swaps Streamlit's English phrases
 * (`config.pairs`: [English, Dutch]) for the page's language, in the attributes
 * `config.attributes` and in text nodes that are exactly the phrase, now and whenever
 * Streamlit draws or changes an element (one MutationObserver per browser tab). On an English
 * page the table works backwards. An attribute that starts with a phrase and ": " gets the
 * phrase swapped.
 */
(function () {
  "use strict";

  /** The phrase → its other-language phrase, for a page in `language`. */
  function wordsFor(language, pairs) {
    return new Map(language === "nl" ? pairs : pairs.map(([en, nl]) => [nl, en]));
  }

  /** The attribute value in the page's language, or null when there is nothing to swap. */
  function swappedValue(value, words) {
    if (!value) { return null; }
    const split = value.indexOf(": ");  // "Fullscreen: " and the chart's alt text
    const head = split > 0 ? value.slice(0, split) : null;
    const other = words.get(value)
      || (head && words.has(head) && words.get(head) + value.slice(split));
    return other || null;
  }

  function install(config) {
    document.documentElement.lang = config.language;
    window.coverageWords = wordsFor(config.language, config.pairs);
    const attributes = config.attributes;
    const swapAttributes = (element) => {
      for (const name of attributes) {
        const other = swappedValue(element.getAttribute(name), window.coverageWords);
        if (other) { element.setAttribute(name, other); }
      }
    };
    const swapText = (node) => {
      const other = window.coverageWords.get(node.nodeValue.trim());
      if (other) { node.nodeValue = other; }
    };
    const swap = (root) => {
      if (root.nodeType === Node.TEXT_NODE) { swapText(root); return; }
      if (root.nodeType !== Node.ELEMENT_NODE) { return; }
      swapAttributes(root);
      root.querySelectorAll(attributes.map((name) => "[" + name + "]").join(","))
        .forEach(swapAttributes);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) { swapText(node); }
    };
    if (!window.coverageWordsWatch) {
      window.coverageWordsWatch = new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === "childList") { record.addedNodes.forEach(swap); }
          else if (record.type === "attributes") { swapAttributes(record.target); }
          else { swapText(record.target); }
        }
      });
      window.coverageWordsWatch.observe(document.body, {subtree: true, childList: true,
        characterData: true, attributes: true, attributeFilter: attributes});
    }
    swap(document.body);
  }

  const api = {install, swappedValue, wordsFor};
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    (window.coverageScripts = window.coverageScripts || {}).words = api;
  }
})();
