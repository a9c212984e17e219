/* The emulator's channel viewer (served as /emulator/channel.js; no inline script, so a strict CSP holds).
 * Shows the channel's messages and renders each Adaptive Card with the official `adaptivecards`
 * renderer. Card TextBlocks are Markdown in Teams: the small processor below handles what the
 * digest uses (backslash escapes, <at> mentions) and emits only escaped text, so no user text
 * can become HTML or a link. Teams deep links open the local tab through the server's `localLinks`. */
/* global window, document, fetch, AdaptiveCards */
(function () {
  'use strict';

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /** CommonMark backslash escapes become the literal character; mentions get a highlight. */
  function renderMarkdown(text) {
    var unescaped = text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
    return escapeHtml(unescaped).replace(/&lt;at&gt;(.*?)&lt;\/at&gt;/g, '<span class="mention">@$1</span>');
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function renderCard(content, localLinks) {
    var card = new AdaptiveCards.AdaptiveCard();
    card.onExecuteAction = function (action) {
      if (!(action instanceof AdaptiveCards.OpenUrlAction) || typeof action.url !== 'string') return;
      var target = localLinks[action.url] || action.url;
      if (/^(https:|\/)/.test(target)) window.location.assign(target);
    };
    card.parse(JSON.parse(content));
    return card.render();
  }

  function renderMessage(message) {
    var item = el('li', 'message');
    var from = message.from && (message.from.application || message.from.user);
    var head = el('div', 'message-head');
    head.appendChild(el('strong', '', from ? from.displayName : 'Unknown'));
    head.appendChild(el('span', 'message-time', ' ' + new Date(message.createdDateTime).toLocaleString('en-GB')));
    item.appendChild(head);
    var bodyText = (message.body && message.body.content || '').replace(/<attachment[^>]*><\/attachment>/g, '').replace(/<[^>]+>/g, ' ').trim();
    if (bodyText) item.appendChild(el('p', 'message-text', bodyText));
    (message.attachments || []).forEach(function (attachment) {
      if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') return;
      var holder = el('div', 'card');
      try {
        holder.appendChild(renderCard(attachment.content, message.localLinks || {}));
      } catch (error) {
        holder.textContent = 'This card could not be rendered: ' + error.message;
      }
      item.appendChild(holder);
    });
    return item;
  }

  /* Installs or uninstalls the app in this team, as a team owner would in Teams: the emulator then
   * sends the bot the installation activity. */
  function showApp(data) {
    var state = document.getElementById('app-installed');
    var toggle = document.getElementById('app-toggle');
    state.textContent = data.appInstalled ? 'installed' : 'not installed';
    toggle.hidden = false;
    toggle.textContent = data.appInstalled ? 'Uninstall the app' : 'Install the app';
    toggle.onclick = function () {
      var base = '/emulator/teams/' + encodeURIComponent(data.teamId) + '/installedApps';
      var request = data.appInstalled
        ? fetch(base + '/' + encodeURIComponent(data.appId), { method: 'DELETE' })
        : fetch(base, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ appId: data.appId, channelId: data.channelId }) });
      toggle.disabled = true;
      request.then(function () { toggle.disabled = false; load(); }, function () { toggle.disabled = false; });
    };
  }

  function load() {
    var root = document.getElementById('messages');
    var status = document.getElementById('status');
    fetch('/emulator/channel/messages' + window.location.search)
      .then(function (response) { return response.json(); })
      .then(function (data) {
        document.getElementById('channel-name').textContent = data.teamName + ' › ' + data.channelName;
        showApp(data);
        root.textContent = '';
        // Replies (replyToId set: Graph replies and bot thread replies) go under their root, as in Teams.
        var items = {};
        data.value.forEach(function (message) {
          var item = renderMessage(message);
          items[message.id] = item;
          var parent = message.replyToId ? items[message.replyToId] : undefined;
          if (!parent) { root.appendChild(item); return; }
          var replies = parent.querySelector(':scope > ol.replies');
          if (!replies) {
            replies = el('ol', 'replies');
            replies.setAttribute('aria-label', 'Replies');
            parent.appendChild(replies);
          }
          item.className = 'message reply';
          replies.appendChild(item);
        });
        status.textContent = data.value.length === 0 ? 'No messages in this channel yet.' : data.value.length + ' message(s).';
      })
      .catch(function (error) { status.textContent = 'Could not load the channel: ' + error.message; });
  }

  AdaptiveCards.AdaptiveCard.onProcessMarkdown = function (text, result) {
    result.outputHtml = renderMarkdown(text);
    result.didProcess = true;
  };
  window.dsrChannelViewer = { renderMarkdown: renderMarkdown, load: load };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', load);
  else load();
})();
