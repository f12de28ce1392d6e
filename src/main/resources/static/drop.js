// Drag and drop onto the upload form: the dropped file goes into the file input; the form works without it.
(function () {
  const form = document.getElementById('upload-form');
  const input = document.getElementById('file');
  const zone = form && form.querySelector('.drop');
  if (!zone) {
    return;
  }
  ['dragenter', 'dragover'].forEach(type => zone.addEventListener(type, event => {
    event.preventDefault();
    zone.classList.add('over');
  }));
  ['dragleave', 'drop'].forEach(type => zone.addEventListener(type, () => zone.classList.remove('over')));
  zone.addEventListener('drop', event => {
    event.preventDefault();
    if (event.dataTransfer.files.length > 0) {
      input.files = event.dataTransfer.files;
      zone.textContent = event.dataTransfer.files[0].name;
    }
  });
})();
