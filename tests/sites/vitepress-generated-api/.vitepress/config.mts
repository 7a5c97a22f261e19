export default {
  title: 'Router',
  description: 'A router',
}
