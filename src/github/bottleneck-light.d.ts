// Octokit's throttling plugin uses Bottleneck's light build (no Redis clustering); the package types only its main
// entry, whose API the light build shares.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
