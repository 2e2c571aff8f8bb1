document.getElementById('large').addEventListener('change', (e) => {
  document.body.classList.toggle('large', e.target.checked);
});
