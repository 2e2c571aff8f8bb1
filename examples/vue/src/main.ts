// Register the elements before mounting, so Vue finds their properties.
import 'xc-elements/provider';
import 'xc-elements/checklist';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
