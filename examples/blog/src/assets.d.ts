// Types of what Kiln's compiler gives for client scripts and CSS modules.

/** `import id from "./x.ts?client"`: a client script's id, for `<Script src={id} />`. */
declare module "*?client" {
  const id: string;
  export default id;
}

/** CSS modules: class names, scoped to their file. */
declare module "*.module.css" {
  const classes: Record<string, string>;
  export default classes;
}

/** Images: a source for `<Image src={photo} alt="…" />`, encoded by Kiln at build time. */
declare module "*.jpg" {
  const image: import("kiln-ssg").ImageSource;
  export default image;
}
declare module "*.png" {
  const image: import("kiln-ssg").ImageSource;
  export default image;
}
