/* global jQuery */
// jQuery 3, classic script, no build step. The element is form-associated: the plain
// <form method="post"> sends its record as JSON under its name, and does not post while it is
// incomplete.
jQuery(function ($) {
  $('#served-note').prop('hidden', true);
  var $clue = $('#clue');

  // The elements' events are ordinary DOM events: jQuery handles them (delegated too); the
  // detail is on e.originalEvent.
  $(document).on('xc-change', 'xc-clue-sheet', function (e) {
    var value = e.originalEvent.detail.value || {};
    var filled = Object.keys(value).filter(function (k) {
      return value[k] !== '' && value[k] != null;
    }).length;
    $('#status').text('已填 ' + filled + ' 项（最后修改：' + (e.originalEvent.detail.path || '全部') + '）');
  });
  $clue.on('xc-invalid', function (e) {
    $('#status').text('还有 ' + e.originalEvent.detail.errors.length + ' 处要改');
  });

  // Set the record only once the element is defined: its code loads on first use, and a
  // property set before that (.prop('value', …)) would hide the element's own.
  $('#load').on('click', function () {
    customElements.whenDefined('xc-clue-sheet').then(function () {
      $clue.prop('value', {
        clueNo: 'XS-2026-007',
        source: '巡察中发现',
        receivedOn: '2026-11-20',
        personConcerned: { name: '王某', unit: 'xx村委会', post: '村主任' },
        mainProblem: '集体资金未经村民代表会议决定出借',
        proposedHandling: '初步核实',
      });
      $('#status').text('已载入草拟内容');
    });
  });

  // Reading the record: the element's value property, as for an input.
  $('#oa').on('submit', function () {
    var record = $clue.prop('value');
    $('#status').text('正在提交：' + (record && record.clueNo ? record.clueNo : ''));
  });
});
