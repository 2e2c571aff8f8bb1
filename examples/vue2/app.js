/* global Vue */
// Vue 2.7 (no build step) with <xc-checklist> from the standalone bundle.
document.getElementById('served-note').hidden = true;

// 1. Tell Vue the xc-* tags are custom elements, not Vue components it failed to find.
Vue.config.ignoredElements = [/^xc-/];
Vue.config.productionTip = false;

/**
 * 2. v-model for the element. Vue 2 sets `:value` on an unknown element as an attribute, or
 * with `.prop` as a string ("[object Object]"): the record is handed to the element's `value`
 * property here instead, and its `xc-change` comes back as the model's event.
 */
Vue.component('checklist-field', {
  model: { prop: 'value', event: 'change' },
  props: { value: { type: Object, default: null } },
  render(h) {
    return h('xc-checklist', {
      ref: 'el',
      attrs: this.$attrs,
      on: {
        'xc-change': (e) => {
          // Remember what the element itself sent, so that the model coming back is not set again.
          this.own = e.detail.value;
          this.$emit('change', this.own);
        },
        'xc-submit': (e) => this.$emit('submit', e.detail.value),
      },
    });
  },
  mounted() {
    // The element may be defined after Vue mounted (its chunk loads on first use): set the
    // property once it is, or the plain property set now would hide the element's own.
    customElements.whenDefined('xc-checklist').then(() => {
      if (this.value) this.$refs.el.value = this.value;
    });
  },
  watch: {
    value(v) {
      if (v !== this.own && customElements.get('xc-checklist')) this.$refs.el.value = v;
    },
  },
  methods: {
    submit() {
      return this.$refs.el.submit();
    },
  },
});

window.app = new Vue({
  el: '#app',
  data: { title: '监督检查清单（Vue 2.7）', lang: 'zh-CN', answers: null, submitted: '' },
  computed: {
    answered() {
      const items = (this.answers && this.answers.items) || {};
      return Object.keys(items).filter((id) => items[id] && items[id].finding).length;
    },
  },
  methods: {
    loadSample() {
      this.answers = {
        templateId: 'xc-sanjujiao',
        templateVersion: '1.0.0',
        items: { 'f1g1-01': { finding: 'none', methods: ['hearing'] }, 'f1g1-02': { finding: 'na' } },
        portalRecordId: 'OA-2026-0042',
      };
    },
    submit() {
      return this.$refs.list.submit();
    },
    onSubmit(value) {
      this.submitted = JSON.stringify(value, null, 2);
    },
  },
});
